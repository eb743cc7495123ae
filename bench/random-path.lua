-- wrk script: GET a random path made of a prefix, a line of a file, and a suffix.
--   wrk -s bench/random-path.lua http://host:port -- /v1/articles/ ids.txt [suffix]
local paths = {}

function init(args)
  local prefix, file, suffix = args[1], args[2], args[3] or ""
  for line in io.lines(file) do
    paths[#paths + 1] = prefix .. line .. suffix
  end
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
