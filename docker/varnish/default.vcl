# Varnish in front of Lede: caches what Lede marks public (Cache-Control), indexes each object by
# its Surrogate-Key (xkey vmod, Debian package varnish-modules) and lets Lede purge by key after
# every committed write (lede.purge.urls=http://<varnish>:6081/, lede.purge.method=PURGE,
# lede.purge.header=xkey-purge, lede.purge.enabled=true).
#
#   apt-get install varnish varnish-modules
#   varnishd -F -a :6081 -f docker/varnish/default.vcl -s malloc,256m
#
# The backend is what balances the replicas (nginx, the service "proxy" in docker-compose.yml);
# .ci/run points a copy at one packaged jar for its check.
vcl 4.1;

import std;
import var;
import xkey;

backend lede {
    .host = "proxy";
    .port = "80";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

# Who may purge: Lede's replicas (loopback and private networks here; narrow it in production).
acl purgers {
    "127.0.0.1";
    "::1";
    "10.0.0.0"/8;
    "172.16.0.0"/12;
    "192.168.0.0"/16;
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        # Fetches under way now may carry content from before this purge: they are not stored
        # (see vcl_backend_response), so no copy older than the purge survives it.
        var.global_set("purges", "" + (std.integer(var.global_get("purges"), 0) + 1));
        if (req.http.xkey-purge == "all") {
            ban("obj.status != 0");
            return (synth(200, "Banned everything"));
        }
        if (req.http.xkey-purge) {
            set req.http.n-gone = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.n-gone + " objects"));
        }
        return (synth(400, "Send the keys in xkey-purge"));
    }
    unset req.http.X-Lede-Purges;
    # format=auto renditions vary by Accept (WebP or not). Two variants, not one per browser's Accept
    # string: the request's Accept is reduced to what Lede decides by before the Vary lookup.
    if (req.url ~ "^/v1/images/[^/?]+/content\?" && req.url ~ "[?&]format=auto(&|$)") {
        if (req.http.Accept ~ "(^|,)\s*image/webp\s*(;|,|$)") {
            set req.http.Accept = "image/webp";
        } else {
            unset req.http.Accept;
        }
    }
    # Tokens (editors, partners) are answered by Lede itself: never from or into the shared cache.
    if (req.http.Authorization || req.http.X-Api-Key) {
        return (pass);
    }
}

sub vcl_backend_fetch {
    set bereq.http.X-Lede-Purges = std.integer(var.global_get("purges"), 0);
}

sub vcl_backend_response {
    # xkey indexes objects by the xkey header: Lede's surrogate keys.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    if (std.integer(var.global_get("purges"), 0) != std.integer(bereq.http.X-Lede-Purges, 0)) {
        # A purge arrived while this response was on its way: deliver it, keep nothing.
        set beresp.ttl = 0s;
        set beresp.grace = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
}

sub vcl_deliver {
    unset resp.http.xkey;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
