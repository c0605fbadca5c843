-- wrk script of benchmark 3: POST /saas/api/v2/job for the tasks S0001..S1000 of the load catalog in turn,
-- with the session from the environment (IICS_SESSION). The path comes from the URL given to wrk.
local n = 0
local tasks = tonumber(os.getenv("BENCH_TASKS") or "1000")
local session = os.getenv("IICS_SESSION")

request = function()
  n = n + 1
  local body = string.format('{"@type":"job","taskName":"S%04d","taskType":"MTT"}', (n % tasks) + 1)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Accept"] = "application/json",
                                  ["icSessionId"] = session}, body)
end

-- Counts the answers that were not 200, so a run that only measured errors is seen at once.
local non200 = 0
response = function(status, headers, body)
  if status ~= 200 then non200 = non200 + 1 end
end
