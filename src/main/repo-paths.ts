import path from 'node:path';

/**
 * Folders of a source checkout, for the plain-Node entry points (CLI, browser mode,
 * tests). The packaged Electron app finds its resources through `process.resourcesPath`
 * instead (src/main/index.ts).
 */
const root = path.resolve(import.meta.dirname, '..', '..');

export const REPO_ROOT = root;
export const RESOURCES_DIR = path.join(root, 'resources');
export const RENDERER_DIST_DIR = path.join(root, 'out', 'renderer');
/** The read-only material beside the checkout: seeds, docs, conformance data. */
export const SHARED_DIR = path.resolve(root, '..', 'shared');
