import { productName, version } from '../../../package.json';

/** Read from package.json at build time, so asking for the version loads nothing else. */
export const KEYLESS_VERSION: string = version;
export const KEYLESS_NAME: string = productName;
