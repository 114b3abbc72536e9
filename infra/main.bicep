// Tariffs: Azure deployment for `azd up`.
// A .NET isolated Function App on Flex Consumption, a key-less StorageV2 account (blobs,
// queues, tables), Log Analytics + workspace-based Application Insights, and one
// user-assigned managed identity with the data-plane roles the app needs.
targetScope = 'resourceGroup'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; used to derive resource names and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Azure region for every resource.')
param location string = resourceGroup().location

@description('Extra tags for every resource; azd-env-name is always added.')
param tags { *: string } = {}

@description('NCRONTAB schedule (UTC) of the tariff equity report timer.')
param equityReportSchedule string = '0 0 2 * * *'

// Flex Consumption lists dotnet-isolated 10.0 for .NET 10 (the worker targets net10.0).
// The ARM type only constrains this to a string; if a region does not offer 10.0 yet, use the
// newest version it lists (az functionapp list-flexconsumption-runtimes) and retarget the worker.
@description('dotnet-isolated runtime version on Flex Consumption.')
param functionsRuntimeVersion string = '10.0'

// The Entra ID app registration of the API: its app roles, by value, are the Tariffs roles (regulator, operator,
// social-services, public); infra/README.md says how to create it.
@description('Application (client) id of the Microsoft Entra ID app registration of the API. Empty: App Service authentication stays off and the app trusts no caller identity, so every role-checked route answers 401.')
param apiClientId string = ''

@description('Directory (tenant) id of that app registration; defaults to the deployment\'s tenant.')
param apiTenantId string = tenant().tenantId

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var allTags = union(tags, { 'azd-env-name': environmentName })

var names = {
  identity: 'id-tariffs-${resourceToken}'
  logAnalytics: 'log-tariffs-${resourceToken}'
  applicationInsights: 'appi-tariffs-${resourceToken}'
  storage: 'sttariffs${take(resourceToken, 15)}'
  plan: 'plan-tariffs-${resourceToken}'
  functionApp: 'func-tariffs-${resourceToken}'
}

var deploymentContainerName = 'deployments'

// Claim-check payloads of large billing batches, published tariff catalog documents, reform simulations, and the
// exports queued by the regulator (one folder per export).
var blobContainerNames = [
  'batches'
  'catalog'
  'simulations'
  'exports'
]

// Must match Tariffs.Storage.Queues.QueueNames.All plus the poison queues of the triggered ones
// (tests/Tariffs.Infra.Tests checks it).
var queueNames = [
  'billing-batches'
  'billing-batches-poison'
  'billing-chunks'
  'billing-chunks-poison'
  'eligibility-flags'
  'eligibility-flags-poison'
  'household-facts'
  'household-facts-poison'
  'household-recompute'
  'household-recompute-poison'
  'adjustments-out'
  'webhook-deliveries'
  'webhook-deliveries-poison'
  'report-units'
  'report-units-poison'
  'simulations'
  'simulations-poison'
  'exports'
  'exports-poison'
]

// Must match Tariffs.Storage.Tables.TableNames.All (tests/Tariffs.Infra.Tests checks it).
var tableNames = [
  'eligibility'
  'ledger'
  'rejections'
  'reports'
  'batches'
  'deliveries'
  'events'
  'publicreports'
  'releases'
  'accesslog'
  'reportlines'
  'reportunits'
  'householdfacts'
  'settings'
]

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: names.identity
    location: location
    tags: allTags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: allTags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: allTags
    deploymentContainerName: deploymentContainerName
    containerNames: blobContainerNames
    queueNames: queueNames
    tableNames: tableNames
  }
}

module roleAssignments 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  params: {
    // Names are compile-time values so role assignment ids are known before deployment (what-if).
    storageAccountName: names.storage
    applicationInsightsName: names.applicationInsights
    identityName: names.identity
    principalId: identity.outputs.principalId
  }
  dependsOn: [
    storage
    monitoring
  ]
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: allTags
    appTags: union(allTags, { 'azd-service-name': 'functions' })
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    runtimeVersion: functionsRuntimeVersion
    authClientId: apiClientId
    authTenantId: apiTenantId
    appSettings: {
      EquityReportSchedule: equityReportSchedule
      WebhookReplaySchedule: '0 */5 * * * *'
    }
  }
  // The host must be able to reach storage with its identity from the first start.
  dependsOn: [
    roleAssignments
  ]
}

output AZURE_LOCATION string = location
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output FUNCTION_APP_ENDPOINT string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
