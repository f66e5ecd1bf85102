-- wrk script for the Shegong GraphQL endpoint.
--
--   wrk -t2 -c16 -d20s --latency -s infra/bench/graphql.lua http://127.0.0.1:PORT/graphql -- requests.tsv [expect]
--
-- requests.tsv has one request per line: `<JWT>\t<JSON body>` (written by make_requests.py, one
-- or more lines per tenant). Every request picks a random line, so load is spread over the
-- tenants. Responses are checked: a status other than 200, a body with "errors", or, when
-- `expect` is given, a body without that exact text is counted, and the first one is printed.
-- `expect` is for a failure that is not an error: a mutation whose payload is nullable and
-- reports failure as `userErrors` answers `"visit":null` and no "errors". done() prints one
-- `RESULT key=value ...` line that run.sh parses.

local counter = 0
local threads = {}

function setup(thread)
   counter = counter + 1
   thread:set("tid", counter)
   table.insert(threads, thread)
end

function init(args)
   local path = args[1]
   if path == nil then
      error("usage: wrk ... -s graphql.lua URL -- requests.tsv")
   end
   reqs = {}
   for line in io.lines(path) do
      local token, body = line:match("^([^\t]+)\t(.+)$")
      if token ~= nil then
         reqs[#reqs + 1] = wrk.format("POST", nil, {
            ["Content-Type"] = "application/json",
            ["Accept"] = "application/json",
            ["Authorization"] = "Bearer " .. token,
         }, body)
      end
   end
   if #reqs == 0 then
      error("no requests in " .. path)
   end
   expect = args[2]
   if expect == "" then
      expect = nil
   end
   math.randomseed(os.time() * 1000 + tid * 7919)
   non200 = 0
   gqlerrors = 0
   responses = 0
   sample = ""
end

function request()
   return reqs[math.random(#reqs)]
end

function response(status, headers, body)
   responses = responses + 1
   if status ~= 200 then
      non200 = non200 + 1
      if sample == "" then
         sample = "HTTP " .. status .. " " .. string.sub(body or "", 1, 400)
      end
   elseif body == nil or string.find(body, '"errors"', 1, true)
      or (expect ~= nil and not string.find(body, expect, 1, true)) then
      gqlerrors = gqlerrors + 1
      if sample == "" then
         sample = string.sub(body or "<no body>", 1, 400)
      end
   end
end

function done(summary, latency, requests)
   local bad_status, bad_body, checked, first = 0, 0, 0, ""
   for _, t in ipairs(threads) do
      bad_status = bad_status + (t:get("non200") or 0)
      bad_body = bad_body + (t:get("gqlerrors") or 0)
      checked = checked + (t:get("responses") or 0)
      local s = t:get("sample")
      if first == "" and s ~= nil and s ~= "" then
         first = s
      end
   end
   local e = summary.errors
   local seconds = summary.duration / 1e6
   io.write(string.format(
      "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f "
         .. "checked=%d non200=%d gql_errors=%d socket_errors=%d\n",
      summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, checked, bad_status, bad_body,
      e.connect + e.read + e.write + e.timeout))
   if first ~= "" then
      io.write("FIRST_ERROR " .. string.gsub(first, "\n", " ") .. "\n")
   end
end
