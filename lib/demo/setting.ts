/** The settings key the seed writes ('1') when it loads the demo set (read by lib/demo/marker.ts). */
export const DEMO_SETTING = 'demo_data';
