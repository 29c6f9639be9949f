-- wrk script for bench/webhooks: posts pre-signed events (from webhook-events.py), each
-- thread its own share, and counts fresh, repeated and refused answers.
--   wrk ... -s bench/webhooks.lua URL -- events.tsv THREADS
local threads = {}
local next_id = 0

function setup(thread)
	thread:set("id", next_id)
	next_id = next_id + 1
	table.insert(threads, thread)
end

function init(args)
	local nthreads = tonumber(args[2])
	events = {}
	local n = 0
	for line in io.lines(args[1]) do
		if n % nthreads == id then
			local tab = line:find("\t", 1, true)
			events[#events + 1] = wrk.format("POST", nil,
				{ ["Stripe-Signature"] = line:sub(1, tab - 1), ["Content-Type"] = "application/json" },
				line:sub(tab + 1))
		end
		n = n + 1
	end
	i = 0
	fresh, repeated, refused = 0, 0, 0
end

function request()
	i = i % #events + 1
	return events[i]
end

function response(status, headers, body)
	if status >= 200 and status < 300 then
		if body == "received" then fresh = fresh + 1 else repeated = repeated + 1 end
	else
		refused = refused + 1
	end
end

function done(summary, latency, requests)
	local f, r, x = 0, 0, 0
	for _, t in ipairs(threads) do
		f, r, x = f + t:get("fresh"), r + t:get("repeated"), x + t:get("refused")
	end
	io.write(string.format("COUNTS fresh=%d repeated=%d refused=%d socket_errors=%d\n", f, r, x,
		summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
