import { headlineParity } from './headline-dom.mjs';

await headlineParity('en');
