global using CxCluster.Abstractions;
global using CxCluster.Settings;
global using Orleans;
global using Orleans.Concurrency;
global using Orleans.Runtime;
