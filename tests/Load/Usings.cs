global using CxCluster.Abstractions;
global using Orleans;
