"""Checks controlmap with headless QGIS (PyQGIS, Debian's python3-qgis).

qgis.py BASE QLR GPKG KML PNG LAST_DAY
- the .qlr loads a valid layer with provider OAPIF, temporal and styled;
- the OAPIF layers load, with typed date fields;
- for every day from 2021-08-01 to LAST_DAY, the .qlr layer's temporal
  filter selects exactly the features items?datetime=D returns;
- the GeoPackage's and the KML's layers load, with features;
- a render of the map to PNG.
Prints one line per problem; exit status 1 if any.
"""
import datetime
import json
import os
import sys
import tempfile
import urllib.request

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp())

from qgis.core import (QgsApplication, QgsDateTimeRange, QgsFeatureRequest, QgsLayerDefinition,  # noqa: E402
                       QgsMapRendererParallelJob, QgsMapSettings, QgsProject, QgsTemporalUtils, QgsVectorLayer,
                       QgsVectorLayerTemporalContext)
from qgis.PyQt.QtCore import QDate, QDateTime, QSize, QTime, QVariant  # noqa: E402

problems = []


def problem(msg):
    problems.append(msg)


def get_json(url):
    with urllib.request.urlopen(url) as r:
        return json.load(r)


def load_qlr(path):
    project = QgsProject.instance()
    ok, msg = QgsLayerDefinition.loadLayerDefinition(path, project, project.layerTreeRoot())
    layers = list(project.mapLayers().values())
    if not ok or len(layers) != 1:
        problem("qlr: loaded %s (%s), %d layers" % (ok, msg, len(layers)))
        return None
    layer = layers[0]
    if not layer.isValid() or layer.providerType() != "OAPIF":
        problem("qlr: valid %s, provider %s" % (layer.isValid(), layer.providerType()))
        return None
    if not layer.temporalProperties().isActive():
        problem("qlr: temporal properties off")
    return layer


def check_oapif(base):
    want = {"control": ["valid_from", "valid_to"], "events": ["event_date"], "areas": []}
    for name, dates in want.items():
        layer = QgsVectorLayer("url='%s/ogc' typename='%s'" % (base, name), name, "OAPIF")
        if not layer.isValid():
            problem("OAPIF %s: invalid" % name)
            continue
        n = get_json("%s/ogc/collections/%s/items?limit=1" % (base, name))["numberMatched"]
        if layer.featureCount() != n:
            problem("OAPIF %s: %d features, the server has %d" % (name, layer.featureCount(), n))
        for field in dates:
            f = layer.fields().field(field)
            if f.type() != QVariant.Date:
                problem("OAPIF %s.%s: type %s, want Date" % (name, field, f.typeName()))


def day_range(d):
    start = QDateTime(QDate(d.year, d.month, d.day), QTime(0, 0))
    return QgsDateTimeRange(start, start.addDays(1), True, False)


def key(f):
    return "%s_%s" % (f["pcode"], f["valid_from"].toString("yyyy-MM-dd"))


def check_time(base, layer, last):
    """QGIS's temporal filter against items?datetime=D, every day."""
    mem = layer.materialize(QgsFeatureRequest())
    ctx = QgsVectorLayerTemporalContext()
    ctx.setLayer(layer)
    props = layer.temporalProperties()
    wrong = []
    d = datetime.date(2021, 8, 1)
    while d <= last:
        expr = props.createFilterString(ctx, day_range(d))
        got = {key(f) for f in mem.getFeatures(QgsFeatureRequest().setFilterExpression(expr))}
        items = get_json("%s/ogc/collections/control/items?datetime=%s&limit=10000&detail=display" % (base, d))
        want = {f["id"] for f in items["features"]}
        if got != want:
            wrong.append("%s: QGIS %s, server %s" % (d, sorted(got - want), sorted(want - got)))
        d += datetime.timedelta(days=1)
    if wrong:
        problem("temporal filter wrong on %d days, e.g. %s" % (len(wrong), wrong[:3]))
    return (last - datetime.date(2021, 8, 1)).days + 1


def check_range(last):
    """The Temporal Controller's range runs from the first day to today, not
    to the year 9999."""
    rng = QgsTemporalUtils.calculateTemporalRangeForProject(QgsProject.instance())
    start, end = rng.begin().date(), rng.end().date()
    if start != QDate(2021, 8, 1) or end.year() > last.year + 1 or end < QDate(last.year, last.month, last.day):
        problem("temporal range %s to %s, want 2021-08-01 to about %s" % (start.toString("yyyy-MM-dd"), end.toString("yyyy-MM-dd"), last))


def check_file(path, kind):
    layer = QgsVectorLayer(path, kind, "ogr")
    if not layer.isValid():
        problem("%s: invalid" % kind)
        return
    subs = layer.dataProvider().subLayers()
    if len(subs) < 2:
        problem("%s: %d sublayers, want control and events" % (kind, len(subs)))
    if layer.featureCount() <= 0:
        problem("%s: no features" % kind)


def render(layer, png):
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setOutputSize(QSize(600, 600))
    settings.setExtent(layer.extent())
    settings.setIsTemporal(True)  # the map of one day, not every interval stacked
    settings.setTemporalRange(day_range(datetime.date(2021, 9, 6)))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    img = job.renderedImage()
    if not img.save(png, "png") or os.path.getsize(png) < 2000:
        problem("render: no PNG")
        return
    colours = {img.pixel(x, y) for x in range(0, 600, 20) for y in range(0, 600, 20)}
    if len(colours) < 3:
        problem("render: %d colours, the map is blank" % len(colours))


def main(base, qlr, gpkg, kml, png, last):
    app = QgsApplication([], False)
    app.initQgis()
    layer = load_qlr(qlr)
    check_oapif(base)
    days = 0
    if layer is not None:
        days = check_time(base, layer, datetime.date.fromisoformat(last))
        check_range(datetime.date.fromisoformat(last))
        render(layer, png)
    check_file(gpkg, "gpkg")
    check_file(kml, "kml")
    for p in problems:
        print(p)
    print("checked %d days" % days)
    app.exitQgis()
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
