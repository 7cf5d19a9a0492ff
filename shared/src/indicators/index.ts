export * from './appointment-rates';
