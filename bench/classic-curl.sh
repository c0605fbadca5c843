#!/usr/bin/env bash
# The classic two-call recipe of benchmark 1 with curl: log in (v2), then start the job by name and type.
# Usage: classic-curl.sh LOGIN_URL TASK_NAME TASK_TYPE   (needs curl and jq)
set -euo pipefail
login=$(curl -sf -X POST "$1/ma/api/v2/user/login" -H 'Content-Type: application/json' -H 'Accept: application/json' \
  -d '{"@type":"login","username":"demo@example.com","password":"demo-password"}')
curl -sf -X POST "$(jq -r .serverUrl <<<"$login")/api/v2/job" -H "icSessionId: $(jq -r .icSessionId <<<"$login")" \
  -H 'Content-Type: application/json' -H 'Accept: application/json' \
  -d "{\"@type\":\"job\",\"taskName\":\"$2\",\"taskType\":\"$3\"}" | jq -r .runId
