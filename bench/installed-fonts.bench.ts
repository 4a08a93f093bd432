/**
 * Listing the fonts installed on this machine (its Windows, macOS or fontconfig folders): the time
 * of one listing, reading each file's name, OS/2 and cmap tables only. One printed line: the time,
 * with the files' faces and problems. The first run is as cold as the OS file cache lets it be.
 */
import { listInstalledFonts } from '../src-main/fonts/installed';
import { printFigure } from './stats';

const start = performance.now();
const { faces, problems } = listInstalledFonts();
const ms = performance.now() - start;
const files = new Set(faces.map((f) => f.file)).size;
printFigure('installed-fonts-list', Math.round(ms * 10) / 10, 'ms', `${files} font files, ${faces.length} faces, ${problems.length} files not usable`);
