// Line-item exports (one row per product of an order: UCI Online Retail, Shopify, ERP sales lines)
// give a unit price and a quantity instead of an amount; the raw unit price is kept like every field.
// A source whose rows repeat an order number is marked, so orders are counted by number, not by row,
// only where that is needed (counting distinct numbers costs several times a row count).
export const unitPriceSchema = `
ALTER TABLE orders ADD COLUMN unit_price TEXT;
ALTER TABLE sources ADD COLUMN line_items INTEGER NOT NULL DEFAULT 0;
`;
