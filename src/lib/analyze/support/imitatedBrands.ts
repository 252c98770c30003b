/**
 * Brands phishing most often imitates, with the domains that legitimately send as them. Used for
 * brand claims in display names and for look-alike sender domains. Keep entries unambiguous: a brand
 * word that is also a common first name or English word (Chase, Apple alone) would flag ordinary mail.
 */
export interface ImitatedBrand {
  brand: string;
  /** Lower-case words that, in a display name, claim the brand. */
  words: string[];
  /** Registrable domains the brand sends from (subdomains included). */
  domains: string[];
  /**
   * Distinctive domain labels a look-alike imitates. Generic words (office, live, outlook, zoom) are left
   * out: "office-supplies.example" is not an imitation of office.com.
   */
  labels: string[];
}

export const IMITATED_BRANDS: readonly ImitatedBrand[] = [
  { brand: 'PayPal', words: ['paypal'], domains: ['paypal.com', 'paypal.de', 'paypal.co.uk', 'paypal.fr', 'paypal.it', 'paypal.es', 'paypal-communication.com'], labels: ['paypal'] },
  { brand: 'Microsoft', words: ['microsoft', 'office 365', 'office365', 'outlook', 'onedrive', 'sharepoint', 'microsoft 365'], domains: ['microsoft.com', 'office.com', 'office365.com', 'outlook.com', 'live.com', 'hotmail.com', 'microsoftonline.com', 'sharepoint.com', 'onedrive.com'], labels: ['microsoft', 'microsoftonline', 'hotmail', 'sharepoint', 'onedrive', 'office365'] },
  { brand: 'Google', words: ['google', 'gmail'], domains: ['google.com', 'gmail.com', 'googlemail.com'], labels: ['google', 'gmail', 'googlemail'] },
  { brand: 'Apple', words: ['apple id', 'apple support', 'icloud', 'itunes'], domains: ['apple.com', 'icloud.com', 'me.com'], labels: ['icloud', 'apple'] },
  { brand: 'Amazon', words: ['amazon'], domains: ['amazon.com', 'amazon.de', 'amazon.co.uk', 'amazon.fr', 'amazon.it', 'amazon.es', 'amazonaws.com', 'amazonses.com'], labels: ['amazon'] },
  { brand: 'Facebook', words: ['facebook', 'meta for business'], domains: ['facebook.com', 'facebookmail.com', 'meta.com'], labels: ['facebook', 'facebookmail'] },
  { brand: 'Instagram', words: ['instagram'], domains: ['instagram.com', 'facebookmail.com'], labels: ['instagram'] },
  { brand: 'LinkedIn', words: ['linkedin'], domains: ['linkedin.com'], labels: ['linkedin'] },
  { brand: 'Netflix', words: ['netflix'], domains: ['netflix.com'], labels: ['netflix'] },
  { brand: 'Dropbox', words: ['dropbox'], domains: ['dropbox.com', 'dropboxmail.com'], labels: ['dropbox'] },
  { brand: 'DocuSign', words: ['docusign'], domains: ['docusign.com', 'docusign.net'], labels: ['docusign'] },
  { brand: 'Adobe', words: ['adobe', 'adobe sign'], domains: ['adobe.com', 'adobesign.com'], labels: ['adobe'] },
  { brand: 'DHL', words: ['dhl'], domains: ['dhl.com', 'dhl.de'], labels: ['dhl'] },
  { brand: 'FedEx', words: ['fedex'], domains: ['fedex.com'], labels: ['fedex'] },
  { brand: 'UPS', words: ['ups my choice', 'united parcel service'], domains: ['ups.com'], labels: ['ups'] },
  { brand: 'USPS', words: ['usps'], domains: ['usps.com', 'usps.gov'], labels: ['usps'] },
  { brand: 'Wells Fargo', words: ['wells fargo', 'wellsfargo'], domains: ['wellsfargo.com'], labels: ['wellsfargo'] },
  { brand: 'Bank of America', words: ['bank of america', 'bankofamerica'], domains: ['bankofamerica.com', 'bofa.com'], labels: ['bankofamerica'] },
  { brand: 'Citibank', words: ['citibank'], domains: ['citibank.com', 'citi.com'], labels: ['citibank'] },
  { brand: 'HSBC', words: ['hsbc'], domains: ['hsbc.com', 'hsbc.co.uk'], labels: ['hsbc'] },
  { brand: 'Barclays', words: ['barclays'], domains: ['barclays.co.uk', 'barclays.com'], labels: ['barclays'] },
  { brand: 'American Express', words: ['american express', 'amex'], domains: ['americanexpress.com', 'aexp.com'], labels: ['americanexpress'] },
  { brand: 'Yahoo', words: ['yahoo'], domains: ['yahoo.com', 'yahoo.de', 'yahoo.co.uk'], labels: ['yahoo'] },
  { brand: 'eBay', words: ['ebay'], domains: ['ebay.com', 'ebay.de', 'ebay.co.uk'], labels: ['ebay'] },
  { brand: 'Coinbase', words: ['coinbase'], domains: ['coinbase.com'], labels: ['coinbase'] },
  { brand: 'Binance', words: ['binance'], domains: ['binance.com'], labels: ['binance'] },
  { brand: 'WhatsApp', words: ['whatsapp'], domains: ['whatsapp.com'], labels: ['whatsapp'] },
  { brand: 'Zoom', words: ['zoom video', 'zoom meetings'], domains: ['zoom.us'], labels: [] },
  { brand: 'Salesforce', words: ['salesforce'], domains: ['salesforce.com'], labels: ['salesforce'] },
  { brand: 'Spotify', words: ['spotify'], domains: ['spotify.com'], labels: ['spotify'] },
  { brand: 'Steam', words: ['steam support', 'steamcommunity'], domains: ['steampowered.com', 'steamcommunity.com'], labels: ['steampowered', 'steamcommunity'] },
  { brand: 'GitHub', words: ['github'], domains: ['github.com'], labels: ['github'] },
  { brand: 'Internal Revenue Service', words: ['internal revenue service'], domains: ['irs.gov'], labels: ['irs'] },
];
