package export

import (
	"bytes"
	"fmt"
	"strings"
	"text/template"

	"github.com/controlmap/controlmap/data"
)

// qlrTemplate is a QGIS layer definition: the OGC API "control" collection
// through QGIS's OAPIF provider (provider WFS makes QGIS 3.22 send a WFS
// GetCapabilities to /ogc, and the layer is invalid), with its temporal
// properties switched on in expression mode: start to_datetime(valid_from),
// end valid_to or far in the future, end excluded. Field mode would make
// QGIS 3.22 compare the Date fields with date-times as text and show every
// change a day early (issue 14.2) and a categorised style by status in the page's
// colours. Opening it in QGIS (Layer > Add from Layer Definition File) adds
// the layer ready to play.
var qlrTemplate = template.Must(template.New("qlr").Funcs(template.FuncMap{"xml": xmlText}).Parse(`<!DOCTYPE qgis-layer-definition>
<qlr>
  <layer-tree-group checked="Qt::Checked" expanded="1" name="">
    <customproperties/>
    <layer-tree-layer checked="Qt::Checked" expanded="1" id="controlmap_control" name="controlmap: assessed control" providerKey="OAPIF" source="{{xml .Source}}">
      <customproperties/>
    </layer-tree-layer>
  </layer-tree-group>
  <maplayers>
    <maplayer type="vector" geometry="Polygon" wkbType="MultiPolygon" autoRefreshEnabled="0" hasScaleBasedVisibilityFlag="0">
      <id>controlmap_control</id>
      <datasource>{{xml .Source}}</datasource>
      <layername>controlmap: assessed control</layername>
      <srs>
        <spatialrefsys nativeFormat="Wkt">
          <authid>OGC:CRS84</authid>
          <srid>4326</srid>
          <description>WGS 84 (CRS84)</description>
          <geographicflag>true</geographicflag>
        </spatialrefsys>
      </srs>
      <provider encoding="UTF-8">OAPIF</provider>
      <attribution><title>{{xml .Attribution}}</title></attribution>
      <temporal enabled="1" mode="4" startField="" endField="" startExpression="{{xml .Start}}" endExpression="{{xml .End}}" durationField="" durationUnit="min" fixedDuration="0" accumulate="0" limitMode="0">
        <fixedRange><start></start><end></end></fixedRange>
      </temporal>
      <renderer-v2 type="categorizedSymbol" attr="status" symbollevels="0" enableorderby="0" forceraster="0">
        <categories>
{{- range $i, $c := .Categories}}
          <category label="{{xml $c.Label}}" value="{{xml $c.Value}}" symbol="{{$i}}" render="true"/>
{{- end}}
        </categories>
        <symbols>
{{- range $i, $c := .Categories}}
          <symbol type="fill" name="{{$i}}" alpha="0.75" clip_to_extent="1" force_rhr="0">
            <layer class="SimpleFill" enabled="1" locked="0" pass="0">
              <Option type="Map">
                <Option name="color" type="QString" value="{{$c.RGB}},255"/>
                <Option name="outline_color" type="QString" value="51,51,51,255"/>
                <Option name="outline_width" type="QString" value="0.4"/>
                <Option name="style" type="QString" value="{{$c.Style}}"/>
              </Option>
            </layer>
          </symbol>
{{- end}}
        </symbols>
      </renderer-v2>
    </maplayer>
  </maplayers>
</qlr>
`))

// The QGIS temporal expressions of the control layer (also in the README's
// recipe): valid_to is the first day after an interval, null while ongoing;
// an ongoing interval ends now, so the Temporal Controller's range ends
// today (with 9999 it ran to the year 9999: 69 million frames at its step).
const (
	QGISStart = `to_datetime("valid_from")`
	QGISEnd   = `coalesce(to_datetime("valid_to"), now())`
)

// xmlText escapes s for XML text and double-quoted attribute values (a
// Host header with quotes or brackets must not break the file, issue 15.7).
var xmlText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace

type qlrCategory struct{ Value, Label, RGB, Style string }

// ControlQLR returns the QGIS layer definition for the server at base (the
// absolute URL clients reach it at), in the region's colours and crediting
// its boundaries (data.Region.Credit).
func ControlQLR(base string, region data.Region) ([]byte, error) {
	credit, p := region.Credit, paintOf(region)
	var cats []qlrCategory
	for _, s := range region.Statuses() {
		c := p.colour(s)
		style := "solid"
		if s == data.StatusContested {
			style = "b_diagonal" // hatched, as on the page
		}
		cats = append(cats, qlrCategory{string(s), p.label(s), fmt.Sprintf("%d,%d,%d", c.R, c.G, c.B), style})
	}
	src := fmt.Sprintf("pagingEnabled='true' preferCoordinatesForWfsT11='false' restrictToRequestBBOX='1' srsname='OGC:CRS84' typename='control' url='%s/ogc'", base)
	var buf bytes.Buffer
	err := qlrTemplate.Execute(&buf, map[string]any{"Source": src, "Categories": cats, "Attribution": credit,
		"Start": QGISStart, "End": QGISEnd})
	return buf.Bytes(), err
}
