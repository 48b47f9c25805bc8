#!/usr/bin/env bash
# Starts one silo and the API on the embedded default: localhost clustering, in-memory state, tenant "demo" with
# key "demo-key". Ctrl+C stops both. Ports: API_PORT (8080), SILO_PORT (11111), GATEWAY_PORT (30000).
set -euo pipefail
cd "$(dirname "$0")/.."

api_port="${API_PORT:-8080}"
silo_port="${SILO_PORT:-11111}"
gateway_port="${GATEWAY_PORT:-30000}"

dotnet build CxCluster.sln -c Release --nologo -v quiet -clp:ErrorsOnly

export Cluster__SiloPort="$silo_port" Cluster__GatewayPort="$gateway_port" Cluster__GatewayPorts__0="$gateway_port"

(cd src/Silo/bin/Release/net10.0 && exec dotnet CxCluster.Silo.dll) &
silo=$!
trap 'kill "$silo" 2>/dev/null || true; wait "$silo" 2>/dev/null || true' EXIT INT TERM

for _ in $(seq 1 120); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$gateway_port") 2>/dev/null; then break; fi
  if ! kill -0 "$silo" 2>/dev/null; then echo "the silo stopped during start-up" >&2; exit 1; fi
  sleep 0.5
done

echo "CxCluster API on http://127.0.0.1:$api_port  (embedded default: tenant demo, key demo-key)"
cd src/Api/bin/Release/net10.0
dotnet CxCluster.Api.dll --urls "http://127.0.0.1:$api_port"
