/** Origin of changes made by this client's own commands: only these are undoable here. */
export const LOCAL_ORIGIN = { local: true };
