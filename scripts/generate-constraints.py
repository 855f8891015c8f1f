#!/usr/bin/env python3
"""Generate Sigil's request-constraint table for IAM and STS from botocore's service-2.json.

The AWS SDK for Java v2 model classes carry wire names and types but not the constraints that AWS checks
before an operation runs (lengths, patterns, ranges, enum values, required members). botocore's service
models carry them. This script reads those models once and writes a compact, line-oriented resource that
sigil-server loads at start-up, so the build needs neither Python nor botocore:

    sigil-server/src/main/resources/io/sigil/server/protocol/constraints.tsv
    sigil-server/src/main/resources/io/sigil/server/protocol/NOTICE-constraints.txt

Only data is taken (names, numbers, patterns, enum values); documentation prose is dropped.

Usage:
    scripts/generate-constraints.py [BOTOCORE_DATA_DIR]

Without an argument the botocore that `python3` imports is used (the machine image ships botocore with its
pyenv Python), else Debian's python3-botocore (`apt-get install -y python3-botocore`, data under
/usr/lib/python3/dist-packages/botocore/data). Re-run after a botocore upgrade and commit both outputs.

Resource format: one record per line, fields separated by TAB, '#' starts a comment line.
    O  <service> <Operation> <inputShape|-> <resultWrapper|->
    S  <shape> <type> [min=N] [max=N] [pattern=REGEX] [enum=A|B|C] [member=SHAPE] [sensitive]
    M  <structureShape> <wireName> <targetShape> [required]
    E  <service> <errorCode> <httpStatus> <Sender|Receiver>
Shape names are prefixed with their service ("iam:userNameType"), since IAM and STS reuse names with different
constraints. Only shapes reachable from operation inputs are written (requests are what AWS validates). Error records
come from the model's exception shapes and give each code its HTTP status and fault.
"""
import gzip
import json
import os
import subprocess
import sys

SERVICES = [("iam", "2010-05-08"), ("sts", "2011-06-15")]
DEBIAN_DATA = "/usr/lib/python3/dist-packages/botocore/data"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.join(HERE, "..", "sigil-server", "src", "main", "resources", "io", "sigil", "server", "protocol")
SCALARS = {"string", "integer", "long", "boolean", "timestamp", "blob", "double", "float"}


def locate_data_dir(argv):
    """Returns (data_dir, botocore_version, provenance) for the botocore to read."""
    if len(argv) > 1:
        data = argv[1]
        return data, version_beside(data), "botocore data directory " + data
    try:
        import botocore  # noqa: PLC0415 - optional, only to find its data directory
        data = os.path.join(os.path.dirname(botocore.__file__), "data")
        return data, botocore.__version__, "botocore " + botocore.__version__ + " (Python package)"
    except ImportError:
        pass
    if os.path.isdir(DEBIAN_DATA):
        deb = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "python3-botocore"],
                             capture_output=True, text=True, check=False).stdout.strip()
        return DEBIAN_DATA, deb.split("+")[0], "Debian python3-botocore " + deb
    sys.exit("botocore not found: pass its data directory, or apt-get install -y python3-botocore")


def version_beside(data_dir):
    init = os.path.join(os.path.dirname(data_dir), "__init__.py")
    try:
        with open(init, encoding="utf-8") as f:
            for line in f:
                if line.startswith("__version__"):
                    return line.split("=")[1].strip().strip("'\"")
    except OSError:
        pass
    return "unknown"


def load_model(data_dir, service, version):
    base = os.path.join(data_dir, service, version, "service-2.json")
    if os.path.exists(base):
        with open(base, encoding="utf-8") as f:
            return json.load(f)
    with gzip.open(base + ".gz", "rt", encoding="utf-8") as f:
        return json.load(f)


def clean(value, what):
    text = str(value)
    if "\t" in text or "\n" in text or "\r" in text:
        sys.exit("cannot encode %s %r: it contains a tab or line break" % (what, text))
    return text


def shape_record(service, name, shape):
    kind = shape["type"]
    fields = ["S", service + ":" + name, kind]
    for key in ("min", "max"):
        if key in shape:
            number = shape[key]
            if isinstance(number, float) and number.is_integer():
                number = int(number)
            fields.append("%s=%s" % (key, number))
    if "pattern" in shape:
        fields.append("pattern=" + clean(shape["pattern"], "pattern"))
    if "enum" in shape:
        values = [clean(v, "enum value") for v in shape["enum"]]
        if any("|" in v for v in values):
            sys.exit("enum value of %s contains '|'" % name)
        fields.append("enum=" + "|".join(values))
    if kind == "list":
        if shape.get("flattened"):
            sys.exit("flattened list %s: the Query wire format would differ; extend the generator" % name)
        fields.append("member=" + service + ":" + shape["member"]["shape"])
    if kind == "map":
        sys.exit("map shape %s in a request: extend the generator and the validator" % name)
    if shape.get("sensitive"):
        fields.append("sensitive")
    if kind not in SCALARS and kind not in ("structure", "list"):
        sys.exit("unsupported shape type %s of %s" % (kind, name))
    return fields


def service_records(service, model):
    shapes = model["shapes"]
    records, reachable = [], []
    seen = set()

    def visit(name):
        if name in seen:
            return
        seen.add(name)
        reachable.append(name)
        shape = shapes[name]
        if shape["type"] == "structure":
            for member in shape["members"].values():
                visit(member["shape"])
        elif shape["type"] == "list":
            visit(shape["member"]["shape"])

    for op_name in sorted(model["operations"]):
        op = model["operations"][op_name]
        input_shape = op.get("input", {}).get("shape")
        wrapper = op.get("output", {}).get("resultWrapper")
        records.append(["O", service, op_name, service + ":" + input_shape if input_shape else "-", wrapper or "-"])
        if input_shape:
            visit(input_shape)

    for name in sorted(reachable):
        shape = shapes[name]
        records.append(shape_record(service, name, shape))
        if shape["type"] == "structure":
            required = set(shape.get("required", []))
            for member_name, member in shape["members"].items():
                wire = member.get("locationName", member_name)
                record = ["M", service + ":" + name, wire, service + ":" + member["shape"]]
                if member_name in required:
                    record.append("required")
                records.append(record)

    for name in sorted(shapes):
        shape = shapes[name]
        if shape.get("exception"):
            error = shape.get("error", {})
            code = error.get("code", name)
            status = error.get("httpStatusCode", 400)
            fault = "Sender" if error.get("senderFault", False) else "Receiver"
            records.append(["E", service, code, str(status), fault])
    return records, set(reachable)


def main(argv):
    data_dir, version, provenance = locate_data_dir(argv)
    lines = [
        "# Sigil request constraints for IAM 2010-05-08 and STS 2011-06-15. GENERATED: do not edit.",
        "# Source: %s, service-2.json of iam/2010-05-08 and sts/2011-06-15 (Apache-2.0)." % provenance,
        "# Regenerate with scripts/generate-constraints.py; format documented there.",
    ]
    for service, api_version in SERVICES:
        model = load_model(data_dir, service, api_version)
        records, reachable = service_records(service, model)
        lines.extend("\t".join(r) for r in records)
        print("%s %s: %d operations, %d request shapes" % (service, api_version, len(model["operations"]),
                                                            len(reachable)))

    os.makedirs(OUT_DIR, exist_ok=True)
    with open(os.path.join(OUT_DIR, "constraints.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(OUT_DIR, "NOTICE-constraints.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write(NOTICE % {"provenance": provenance, "version": version})


NOTICE = """constraints.tsv in this directory is generated by scripts/generate-constraints.py from the AWS service
models of botocore (https://github.com/boto/botocore), files botocore/data/iam/2010-05-08/service-2.json and
botocore/data/sts/2011-06-15/service-2.json.

Source: %(provenance)s
botocore version: %(version)s
botocore is Copyright Amazon.com, Inc. or its affiliates, licensed under the Apache License, Version 2.0
(https://www.apache.org/licenses/LICENSE-2.0). Only data (shape names, member names, length, range and
pattern constraints, enum values, required members, error codes) is taken; no documentation text or code.
"""

if __name__ == "__main__":
    main(sys.argv)
