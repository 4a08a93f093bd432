import { createContext, useContext } from 'react';
import type { LoadedFonts } from './fonts';

/** The fonts the app loaded (LoadedFonts): what the face picker fetches installed faces through. */
export const LoadedFontsContext = createContext<LoadedFonts | null>(null);

/** The app's LoadedFonts; null outside the app (then only the faces fetched at the start are at hand). */
export function useLoadedFonts(): LoadedFonts | null {
  return useContext(LoadedFontsContext);
}
