// Share: download a picture of the day shown (PNG, or the animation up to
// it as a GIF) and get the <iframe> snippet that embeds the map. Plain
// links with a download attribute, so phones save them as files too.

import { dateText, t } from '../i18n.js';

// pageURL is the full map's address for the current state, the embed flag
// set or not.
function pageURL(embed) {
  const url = new URL(window.location.href);
  url.hash = '';
  if (embed) {
    url.searchParams.set('embed', '1');
  } else {
    url.searchParams.delete('embed');
  }
  return url.href;
}

// snippet is the iframe that embeds the current state: the server's (its
// oEmbed answer's), which the page's head carries with {src} for the
// address.
export function snippet() {
  const src = pageURL(true).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const template = document.querySelector('meta[name="controlmap-embed"]')?.content || '';
  return template.replace('{src}', src);
}

export const ShareControl = L.Control.extend({
  options: { position: 'bottomright' },

  initialize(state, options) {
    L.Util.setOptions(this, options);
    this.state = state;
    this.update = this.update.bind(this);
  },

  onAdd() {
    const root = L.DomUtil.create('details', 'share panel');
    L.DomUtil.create('summary', '', root).textContent = t('share');
    this.image = L.DomUtil.create('a', 'share-image', root);
    
    // The country on the day (a server draws it; a static copy has none).
    if (this.options.pictureCountry) {
      this.country = L.DomUtil.create('a', 'share-country', root);
      this.country.textContent = t('shareCountry');
    }
    this.gif = L.DomUtil.create('a', 'share-gif', root);
    this.gif.textContent = t('shareGIF');
    const embed = L.DomUtil.create('button', 'share-embed', root);
    embed.type = 'button';
    embed.textContent = t('shareEmbed');
    this.code = L.DomUtil.create('textarea', 'share-code', root);
    this.code.readOnly = true;
    this.code.rows = 4;
    this.code.hidden = true;
    this.code.setAttribute('aria-label', t('shareEmbed'));
    L.DomEvent.on(embed, 'click', () => this.showSnippet(embed));
    L.DomEvent.disableClickPropagation(root);
    L.DomEvent.disableScrollPropagation(root);
    this.state.model.addEventListener('datechange', this.update);
    this.state.model.addEventListener('windowchange', this.update);
    this.state.addEventListener('change', this.update);
    this.update();
    return root;
  },

  onRemove() {
    this.state.model.removeEventListener('datechange', this.update);
    this.state.model.removeEventListener('windowchange', this.update);
    this.state.removeEventListener('change', this.update);
  },

  showSnippet(button) {
    this.code.hidden = false;
    this.code.value = snippet();
    this.code.select();
    navigator.clipboard?.writeText(this.code.value).then(() => { button.textContent = `${t('shareEmbed')} · ${t('shareCopied')}`; }, () => {});
  },

  update() {
    const { model, view, known } = this.state;
    this.image.href = this.options.picture(model.date, view, known);
    // A static copy has the pictures of the change days only: the link
    // then says which day's picture it is.
    const day = this.options.pictureDay(model.date);
    if (!this.options.pictureViews && view !== 'assessed') {
      this.image.textContent = t('shareImageAssessed', { date: dateText(day, 'short') });
    } else {
      this.image.textContent = day === model.date ? t('shareImage') : t('shareImageOf', { date: dateText(day, 'short') });
    }
    this.image.download = `controlmap-${day}.${this.image.href.includes('.svg') ? 'svg' : 'png'}`;
    if (this.country) {
      this.country.href = this.options.pictureCountry(model.date);
      this.country.download = `controlmap-country-${model.date}.png`;
    }
    // The animation of the span shown: the chapter the slider is zoomed
    // to, else the history up to the day (a static copy has one animation,
    // of the whole history).
    const { from, to } = model.zoomed ? model.window : { from: model.start, to: model.date };
    this.gif.href = this.options.animation(from, to);
    this.gif.textContent = this.options.oneAnimation ? t('shareGIF') : t('shareGIFOf', { from: dateText(from, 'short'), to: dateText(to, 'short') });
    this.gif.download = `controlmap-${from}-${to}.gif`;
    if (!this.code.hidden) {
      this.code.value = snippet();
    }
  },
});
