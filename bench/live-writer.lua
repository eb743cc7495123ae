-- wrk script: an editor updating one live story RATE times a second, over one connection.
--   wrk -t1 -c1 -d15s -s bench/live-writer.lua http://host:port -- <article id> <editor token> <etag> <rate>
-- Each PATCH sends the ETag the previous answer carried in If-Match, as an editor's client would;
-- after a 412 (a write it did not see, such as the last one of an earlier run still landing) it
-- reads the article again first. Writes follow a fixed timetable (the n-th at start + n / RATE s),
-- whatever each one takes. Prints "writes: N", the PATCHes that succeeded.
local id, token, etag, interval, started
local n = 0
local stale = false
local threads = {}
writes = 0

local function now()
  local clock = io.popen("date +%s%3N")
  local millis = tonumber(clock:read("*l"))
  clock:close()
  return millis
end

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  id, token, etag = args[1], args[2], args[3]
  interval = 1000 / tonumber(args[4])
end

function request()
  n = n + 1
  local headers = { ["Authorization"] = "Bearer " .. token }
  if stale then
    return wrk.format("GET", "/v1/articles/" .. id, headers)
  end
  headers["Content-Type"] = "application/merge-patch+json"
  headers["If-Match"] = etag
  local body = '{"headline": "Live story, update ' .. n .. ' ' .. math.random(1000000) .. '"}'
  return wrk.format("PATCH", "/v1/articles/" .. id, headers, body)
end

function response(status, headers, body)
  local next = headers["ETag"] or headers["etag"]
  if next then
    etag = next
  end
  if status == 412 then
    stale = true
  elseif status == 200 then
    if not stale then
      writes = writes + 1
    end
    stale = false
  end
end

function delay()
  local t = now()
  started = started or t
  local wait = started + n * interval - t
  return wait > 0 and math.floor(wait) or 0
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("writes")
  end
  io.write("writes: " .. total .. "\n")
end
