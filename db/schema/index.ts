export * from './reference';
export * from './users';
export * from './projects';
export * from './audit';
