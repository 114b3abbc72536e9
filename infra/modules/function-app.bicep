// Azure Functions app on the Flex Consumption plan (.NET isolated worker).
// The app runs as a user-assigned managed identity; the Functions host reaches storage and
// the deployment package through that identity, so no app setting holds a key.

@description('Name of the Function App.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region.')
param location string

@description('Tags applied to the plan.')
param tags { *: string }

@description('Tags applied to the Function App (includes azd-service-name).')
param appTags { *: string }

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Client id of the user-assigned managed identity.')
param identityClientId string

@description('Name of the storage account used as AzureWebJobsStorage.')
param storageAccountName string

@description('URL of the blob container that holds the deployment package.')
param deploymentContainerUrl string

@description('Application Insights connection string (instrumentation key and endpoints; no secret).')
param applicationInsightsConnectionString string

@description('Application (client) id of the Microsoft Entra ID app registration of the API; empty leaves App Service authentication off.')
param authClientId string

@description('Directory (tenant) id of that app registration.')
param authTenantId string

@description('Additional application settings (non-secret values only).')
param appSettings { *: string } = {}

@description('Runtime version of the dotnet-isolated worker.')
param runtimeVersion string

@description('Upper bound of instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory per instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

// App Service authentication ("Easy Auth") with Microsoft Entra ID, on when a client id is given. While it is on,
// the platform validates the caller's bearer token and passes its claims to the app in X-MS-CLIENT-PRINCIPAL;
// "external requests aren't allowed to set these headers, so they're present only if set by App Service"
// (learn.microsoft.com/azure/app-service/configure-authentication-user-identities). AccessAuthorizer reads the roles
// from that header, so the app trusts it only when this is on (Tariffs__Authorization__TrustPrincipalHeader).
var authenticationEnabled = !empty(authClientId)

var baseSettings = {
  // Identity-based host storage: blob (leases, timers), queues (triggers) and tables.
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  // Entra ID authentication for telemetry ingestion (the component disables local auth).
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  Tariffs__Authorization__TrustPrincipalHeader: authenticationEnabled ? 'true' : 'false'
  // A 16 MB young generation for the .NET processes: the runtime's own choice collected every ~2 MB of a batch's
  // short-lived storage-client garbage (benchmarks/results/2026-12-06-jit-profile.md: 17 % less CPU per batch, +12 MB
  // peak). Read from the environment only; tests/Tariffs.Testing/LocalHostStartInfo.cs gives the local host the same.
  DOTNET_GCgen0size: '0x1000000'
}

// FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION are not set: on Flex Consumption
// the runtime comes from functionAppConfig.runtime and those settings are rejected.
var allSettings = union(baseSettings, appSettings)

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: appTags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        for setting in items(allSettings): {
          name: setting.key
          value: setting.value
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: runtimeVersion
      }
    }
  }
}

resource authentication 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: authenticationEnabled
    }
    // Anonymous requests reach the app: the public report, dashboard, OpenAPI document and health routes need no
    // identity, and the role-checked routes answer 401 themselves when the header carries no principal. Easy Auth
    // checks the token (issuer, audience, signature, lifetime), not the roles: AccessAuthorizer does.
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    identityProviders: authenticationEnabled
      ? {
          azureActiveDirectory: {
            enabled: true
            registration: {
              clientId: authClientId
              // Tenant-specific issuer: a multi-tenant one would skip the issuer check.
              openIdIssuer: '${environment().authentication.loginEndpoint}${authTenantId}/v2.0'
            }
            validation: {
              // The client id is always an allowed audience (v2 access tokens carry it); the Application ID URI is
              // the audience of v1 access tokens.
              allowedAudiences: [
                'api://${authClientId}'
              ]
            }
          }
        }
      : {}
    // An API called with bearer tokens: no sign-in sessions, nothing to store.
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

output name string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
