"""Checks controlmap's OGC API with OWSLib's Features client (Debian's
python3-owslib): check_owslib.py BASE

Landing, conformance, collections, items with datetime, bbox and limit,
queryables and CQL2 text filters (Part 3), and a bad filter refused.
Prints one line per problem; exit status 1 if any.
"""
import datetime
import sys

from owslib.ogcapi.features import Features

problems = []


def expect(cond, msg):
    if not cond:
        problems.append(msg)


def ids(fc):
    return sorted(f["id"] for f in fc["features"])


def check_core(api):
    landing = api.links
    expect(any(l["rel"] == "conformance" for l in landing), "landing: no conformance link")
    conf = api.conformance()["conformsTo"]
    expect("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core" in conf, "conformance: no core")
    cols = [c["id"] for c in api.collections()["collections"]]
    expect(cols == ["areas", "control", "events", "countryside", "provinces"], "collections: %s" % cols)
    start = api.collection("control")["extent"]["temporal"]["interval"][0][0]
    kabul = datetime.datetime.fromisoformat(start.replace("Z", "+00:00")).astimezone(datetime.timezone(datetime.timedelta(hours=4, minutes=30)))
    expect(kabul.isoformat() == "2021-08-01T00:00:00+04:30", "control: temporal extent starts %s, not at midnight of 1 Aug 2021 in Kabul" % start)


def check_items(api):
    day = api.collection_items("control", datetime="2021-09-06")
    expect(day["numberMatched"] == 10 and len(day["features"]) == 10, "datetime: %d matched" % day["numberMatched"])
    page = api.collection_items("control", limit=7)
    expect(len(page["features"]) == 7 and any(l["rel"] == "next" for l in page["links"]), "limit: no next page")
    box = api.collection_items("areas", bbox=[69.0, 35.7, 69.1, 35.8])
    expect(box["numberMatched"] == 1, "bbox: %d areas" % box["numberMatched"])
    ext = api.collection("events")["extent"]["spatial"]["bbox"][0]
    every = api.collection_items("events", limit=1000)
    placed = [f for f in every["features"] if f["geometry"]]
    inside = api.collection_items("events", bbox=ext, limit=1000)
    expect(inside["numberMatched"] == len(placed), "bbox = the extent: %d of %d events" % (inside["numberMatched"], len(placed)))
    big = api.collection_items("control", limit=100000)
    expect(len(big["features"]) == big["numberMatched"], "limit above the maximum: not clamped")


def check_filter(api):
    # The provinces: a CQL2 filter on the day their capital fell picks the same ones as reading the items.
    every = api.collection_items("provinces", limit=100)["features"]
    want = sorted(f["id"] for f in every if f["properties"]["fell"] and f["properties"]["fell"] <= "2021-08-12")
    fallen = api.collection_items("provinces", filter="fell <= DATE('2021-08-12')", limit=100)
    expect(len(every) == 34 and want and sorted(f["id"] for f in fallen["features"]) == want,
           "provinces fallen by 12 August: %s, want %s" % ([f["id"] for f in fallen["features"]], want))
    q = api.collection_queryables("control")["properties"]
    expect({"status", "pcode", "confidence", "valid_from", "valid_to"} <= set(q), "queryables: %s" % sorted(q))
    day = "T_INTERSECTS(INTERVAL(valid_from, valid_to), DATE('2021-09-06'))"
    both = api.collection_items("control", datetime="2021-09-06")
    # valid_to is the first day after an interval, CQL2 intervals include their end: the
    # intervals that end on the 6th also meet it.
    f = api.collection_items("control", filter="valid_from <= DATE('2021-09-06') AND (valid_to IS NULL OR valid_to > DATE('2021-09-06'))", limit=1000)
    expect(ids(f) == ids(both), "filter on the day: %s, datetime gives %s" % (ids(f), ids(both)))
    f = api.collection_items("control", filter="status IN ('taliban','contested') AND " + day, limit=1000)
    expect(f["numberMatched"] > 0 and all(x["properties"]["status"] in ("taliban", "contested") for x in f["features"]), "IN and T_INTERSECTS")
    f = api.collection_items("control", filter="NOT (confidence = 'high') AND pcode = 'AF0801'", limit=1000)
    expect(all(x["properties"]["confidence"] != "high" and x["properties"]["pcode"] == "AF0801" for x in f["features"]), "NOT and AND")
    try:
        api.collection_items("control", filter="party = 'taliban'")
        problems.append("an unknown property was accepted")
    except RuntimeError as e:
        expect("party" in str(e), "the 400 does not name the property: %s" % e)


def main(base):
    api = Features(base + "/ogc")
    for check in (check_core, check_items, check_filter):
        try:
            check(api)
        except Exception as e:  # noqa: BLE001: report and go on
            problems.append("%s: %s" % (check.__name__, e))
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
