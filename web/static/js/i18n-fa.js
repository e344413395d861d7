// The page's words in Dari (../i18n/fa.json, which the server's link
// previews read too), loaded by i18n.js only when the page is in Dari.
import fa from '../i18n/fa.json' with { type: 'json' };

export { fa };
