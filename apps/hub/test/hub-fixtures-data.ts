/** Two provinces: Hanoi (H26) and Ho Chi Minh City (H29), each a Vanban instance. */
export const HANOI = {
  id: 'vanban-h26',
  secret: 'hanoi-secret-0123456789',
  agencies: ['000.00.00.H26', '000.00.01.H26'],
};
export const HCMC = {
  id: 'vanban-h29',
  secret: 'hcmc-secret-0123456789',
  agencies: ['000.00.00.H29'],
};
