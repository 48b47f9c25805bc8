global using System.Text.Json;
global using CxCluster.Abstractions;
global using CxCluster.Settings;
global using CxCluster.Api.Http;
global using CxCluster.Api.Tenants;
global using Orleans;
global using CxCluster.Api.Validation;
