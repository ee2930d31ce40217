export * from './memory-data-key-table';
export * from './personal-data-store';
