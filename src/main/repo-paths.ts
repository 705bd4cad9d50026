import path from 'node:path';
import { REPO } from './source-bundle.mjs';

/**
 * Folders of a source checkout, for the plain-Node entry points (CLI, browser mode,
 * tests). The packaged Electron app finds its resources through `process.resourcesPath`
 * instead (src/main/index.ts).
 */
// Found by looking up, not a fixed number of folders: the command line runs bundled,
// from deep inside node_modules/.cache (see source-bundle.mjs).
const root = REPO;

export const REPO_ROOT = root;
export const RESOURCES_DIR = path.join(root, 'resources');
export const RENDERER_DIST_DIR = path.join(root, 'out', 'renderer');
/** The read-only material beside the checkout: seeds, docs, conformance data. */
export const SHARED_DIR = path.resolve(root, '..', 'shared');
