/** A directory for the load: `stores` stores, each with its own manager, in two regions. */
export async function seedDirectory(
  url: string,
  adminToken: string,
  stores: number,
): Promise<string[]> {
  const put = async (path: string, body: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`PUT ${path}: ${response.status} ${await response.text()}`);
  };
  await put('/v1/people/RM-1', {
    name: 'Region Lead',
    roles: ['regional_manager'],
    locale: 'en-GB',
  });
  await put('/v1/regions/R-1', { name: 'Bench region', leadId: 'RM-1' });
  const storeIds: string[] = [];
  for (let i = 1; i <= stores; i++) {
    const storeId = `S-${String(i).padStart(3, '0')}`;
    await put(`/v1/people/M-${i}`, {
      name: `Manager ${i}`,
      roles: ['store_manager'],
      locale: 'uk-UA',
    });
    await put(`/v1/stores/${storeId}`, {
      name: `Store ${i}`,
      regionId: 'R-1',
      timezone: 'Europe/Kyiv',
      managerId: `M-${i}`,
    });
    storeIds.push(storeId);
  }
  return storeIds;
}
