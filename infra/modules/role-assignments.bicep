// Data-plane role assignments for the Function App's user-assigned identity.
// Storage Account Contributor is deliberately absent: identity-based AzureWebJobsStorage
// needs only the data roles below (blob for host leases, timers and deployment packages;
// queues for triggers and poison queues; tables for Tariffs' ledgers).

@description('Name of the storage account in this resource group.')
param storageAccountName string

@description('Name of the Application Insights component in this resource group.')
param applicationInsightsName string

@description('Name of the user-assigned managed identity in this resource group.')
param identityName string

@description('Principal (object) id of the managed identity.')
param principalId string

// Role assignment names derive from the identity's resource id (known before deployment),
// not from its principal id (known only once the identity exists).
var identityResourceId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', identityName)

var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

var storageRoles = [
  roles.storageBlobDataOwner
  roles.storageQueueDataContributor
  roles.storageTableDataContributor
]

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource storageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoles: {
    name: guid(storage.id, identityResourceId, roleId)
    scope: storage
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, identityResourceId, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
  }
}
