# The silo image: `dotnet CxCluster.Silo.dll` runs a silo, `dotnet CxCluster.Silo.dll migrate` migrates the schema.
# Built from the repository root, with the .NET 10 SDK and ASP.NET Core 10 runtime images of your registry:
#   docker build -f deploy/docker/silo.Dockerfile \
#     --build-arg SDK_IMAGE=<.NET 10 SDK image> --build-arg RUNTIME_IMAGE=<ASP.NET Core 10 runtime image> \
#     -t cxcluster/silo:1.0.0 .
ARG SDK_IMAGE
ARG RUNTIME_IMAGE

FROM ${SDK_IMAGE} AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Silo/Silo.csproj -c Release -o /app --nologo

FROM ${RUNTIME_IMAGE}
WORKDIR /app
COPY --from=build /app .
# The runtime images' unprivileged user (uid 1654): the manifests run the pods as that uid.
USER 1654
EXPOSE 11111 30000 8081
ENTRYPOINT ["dotnet", "CxCluster.Silo.dll"]
