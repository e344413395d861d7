// Pure mapping from a status to how it is drawn. The palette is Okabe and
// Ito's, which stays distinct for the common colour-vision deficiencies;
// `contested` is a hatch (an SVG pattern in index.html) so that it reads even
// without colour.

export const statusColours = {
  republic: '#0072B2',
  taliban: '#D55E00',
  resistance: '#009E73',
  contested: '#E69F00',
  unknown: '#BDBDBD',
};

export const statusLabels = {
  republic: 'Islamic Republic',
  taliban: 'Taliban',
  resistance: 'Resistance (NRF and allies)',
  contested: 'Contested',
  unknown: 'Unknown / no claim',
};

export const viewLabels = {
  assessed: 'Assessed control',
  taliban: 'Taliban claims',
  resistance: 'Resistance claims',
};

export function fillFor(status) {
  return status === 'contested' ? 'url(#hatch-contested)' : statusColours[status] || statusColours.unknown;
}

// areaStyle is the Leaflet path style of a district.
export function areaStyle({ status, disputed, selected }) {
  return {
    fillColor: fillFor(status),
    fillOpacity: status === 'unknown' ? 0.35 : 0.72,
    color: selected ? '#000000' : '#333333',
    weight: selected ? 3 : disputed ? 2.5 : 1,
    dashArray: disputed ? '6 4' : null,
  };
}
