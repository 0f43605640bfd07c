// The template library, its search and the user template file, under the names they have always had.
export * from './template-library';
export * from './template-search';
export * from './user-templates';
