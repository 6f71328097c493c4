// The page model shared by the page view, the print view (PDF) and the DOCX builder.
export * from './geometry'
export * from './title'
export * from './signature'
export * from './settings'
export * from './attachments'
export * from './fonts'
export * from './blocks'
export * from './paginate'
