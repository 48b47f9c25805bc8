#!/usr/bin/env bash
# Starts the embedded default: one process that is a silo and the API in front of it (src/Server), localhost
# clustering, in-memory state, tenant "demo" with key "demo-key". Ctrl+C stops it. Ports: API_PORT (8080), SILO_PORT
# (11111), GATEWAY_PORT (30000), HEALTH_PORT (8081: the silo's /health/live, /health/ready, /health/startup; 0: none).
# CXCLUSTER_APART=1 runs the silo and the API as two processes instead, the API a client of the silo's gateway, as a
# deployment that scales them apart does.
set -euo pipefail
cd "$(dirname "$0")/.."

api_port="${API_PORT:-8080}"
silo_port="${SILO_PORT:-11111}"
gateway_port="${GATEWAY_PORT:-30000}"
health_port="${HEALTH_PORT:-8081}"

dotnet build CxCluster.sln -c Release --nologo -v quiet -clp:ErrorsOnly

export Cluster__SiloPort="$silo_port" Cluster__GatewayPort="$gateway_port" Cluster__GatewayPorts__0="$gateway_port" \
  Cluster__HealthPort="$health_port"

# The embedded tenant exists only where no tenant is configured.
if env | grep -q '^Tenants__'; then tenants="tenants as configured"; else tenants="embedded default: tenant demo, key demo-key"; fi

if [ "${CXCLUSTER_APART:-0}" != 1 ]; then
  echo "CxCluster API on http://127.0.0.1:$api_port  ($tenants)"
  cd src/Server/bin/Release/net10.0
  exec dotnet CxCluster.Server.dll --urls "http://127.0.0.1:$api_port"
fi

(cd src/Silo/bin/Release/net10.0 && exec dotnet CxCluster.Silo.dll) &
silo=$!
trap 'kill "$silo" 2>/dev/null || true; wait "$silo" 2>/dev/null || true' EXIT INT TERM

for _ in $(seq 1 120); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$gateway_port") 2>/dev/null; then break; fi
  if ! kill -0 "$silo" 2>/dev/null; then echo "the silo stopped during start-up" >&2; exit 1; fi
  sleep 0.5
done

echo "CxCluster API on http://127.0.0.1:$api_port  ($tenants)"
cd src/Api/bin/Release/net10.0
dotnet CxCluster.Api.dll --urls "http://127.0.0.1:$api_port"
