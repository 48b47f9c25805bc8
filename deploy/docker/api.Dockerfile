# The API image; the manifests pass `--urls http://0.0.0.0:8080`.
# Built from the repository root, with the .NET 10 SDK and ASP.NET Core 10 runtime images of your registry:
#   docker build -f deploy/docker/api.Dockerfile \
#     --build-arg SDK_IMAGE=<.NET 10 SDK image> --build-arg RUNTIME_IMAGE=<ASP.NET Core 10 runtime image> \
#     -t cxcluster/api:1.0.0 .
ARG SDK_IMAGE
ARG RUNTIME_IMAGE

FROM ${SDK_IMAGE} AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Api/Api.csproj -c Release -o /app --nologo

FROM ${RUNTIME_IMAGE}
WORKDIR /app
COPY --from=build /app .
# The runtime images' unprivileged user (uid 1654): the manifests run the pods as that uid.
USER 1654
EXPOSE 8080
ENTRYPOINT ["dotnet", "CxCluster.Api.dll"]
