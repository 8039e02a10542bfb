export * from './reference';
export * from './users';
export * from './projects';
export * from './audit';
export * from './reports';
export * from './problems';
export * from './notifications';
