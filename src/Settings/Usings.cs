global using CxCluster.Abstractions;
global using Microsoft.Extensions.Configuration;
