/** Where the viewer finds the timeline, relative to the page (the build's head script asks for it too). */
export const TIMELINE_FILE = 'data/timeline.json';
