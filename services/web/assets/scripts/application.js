// Enhancements only: every task works without this file (progressive enhancement).
import { initAll as initGovukFrontend } from './govuk-frontend.min.js';
import { initAll as initMojFrontend } from './moj-frontend.min.js';

initGovukFrontend();
initMojFrontend();
