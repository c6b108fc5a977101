// Line-item exports (one row per product of an order: UCI Online Retail, Shopify, ERP sales lines)
// give a unit price and a quantity instead of an amount; the raw unit price is kept like every field.
export const unitPriceSchema = `
ALTER TABLE orders ADD COLUMN unit_price TEXT;
`;
