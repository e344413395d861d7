// sourceLink renders a cited source as a link: publisher, title, date.
export function sourceLink(source) {
  const span = document.createElement('span');
  if (!source) {
    span.textContent = 'unknown source';
    return span;
  }
  const a = document.createElement('a');
  a.href = source.url;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.textContent = source.title;
  a.className = 'source-link';
  span.append(`${source.publisher}: `, a, source.published ? ` (${source.published})` : '');
  return span;
}
