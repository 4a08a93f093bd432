/**
 * The newsroom server's address and token as this window last had them (发布到服务器, 加入共享版面 →
 * 报社服务器, the edition overview's 协作服务器): typed once, offered in the others. In memory only,
 * for this window: the token is a key.
 */
export const rememberedServer = { server: '', token: '' };
