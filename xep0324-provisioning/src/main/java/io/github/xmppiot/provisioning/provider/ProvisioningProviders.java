package io.github.xmppiot.provisioning.provider;

import io.github.xmppiot.provisioning.element.CanAccess;
import io.github.xmppiot.provisioning.element.CanAccessResponse;
import io.github.xmppiot.provisioning.element.CanControl;
import io.github.xmppiot.provisioning.element.CanControlResponse;
import io.github.xmppiot.provisioning.element.CanRead;
import io.github.xmppiot.provisioning.element.CanReadResponse;
import io.github.xmppiot.provisioning.element.ClearCache;
import io.github.xmppiot.provisioning.element.ClearCacheResponse;
import io.github.xmppiot.provisioning.element.DownloadPrivileges;
import io.github.xmppiot.provisioning.element.DownloadPrivilegesResponse;
import io.github.xmppiot.provisioning.element.Friend;
import io.github.xmppiot.provisioning.element.GetToken;
import io.github.xmppiot.provisioning.element.GetTokenChallenge;
import io.github.xmppiot.provisioning.element.GetTokenChallengeResponse;
import io.github.xmppiot.provisioning.element.GetTokenResponse;
import io.github.xmppiot.provisioning.element.HasPrivilege;
import io.github.xmppiot.provisioning.element.HasPrivilegeResponse;
import io.github.xmppiot.provisioning.element.IsFriend;
import io.github.xmppiot.provisioning.element.IsFriendResponse;
import io.github.xmppiot.provisioning.element.ProvisioningIq;
import io.github.xmppiot.provisioning.element.TokenChallenge;
import io.github.xmppiot.provisioning.element.TokenChallengeResponse;
import io.github.xmppiot.provisioning.element.Unfriend;
import io.github.xmppiot.provisioning.element.UserLoggedIn;
import org.jivesoftware.smack.provider.ProviderManager;

/**
 * Registers every XEP-0324 provider (§4 elements) with Smack's {@link ProviderManager} once. The managers call it from
 * their static initialisers; call it yourself only to parse XEP-0324 stanzas without a manager.
 *
 * @since 0.1.0
 */
public final class ProvisioningProviders {

    private static boolean registered;

    private ProvisioningProviders() {}

    /** Registers the providers if not done yet; called from the managers' static initialisers. */
    public static synchronized void register() {
        if (registered) {
            return;
        }
        String ns = ProvisioningIq.NAMESPACE;
        ProviderManager.addIQProvider(IsFriend.ELEMENT, ns, new IsFriendProvider());
        ProviderManager.addIQProvider(IsFriendResponse.ELEMENT, ns, new IsFriendResponseProvider());
        ProviderManager.addIQProvider(CanRead.ELEMENT, ns, new CanReadProvider());
        ProviderManager.addIQProvider(CanReadResponse.ELEMENT, ns, new CanReadResponseProvider());
        ProviderManager.addIQProvider(CanControl.ELEMENT, ns, new CanControlProvider());
        ProviderManager.addIQProvider(CanControlResponse.ELEMENT, ns, new CanControlResponseProvider());
        ProviderManager.addIQProvider(ClearCache.ELEMENT, ns, new ClearCacheProvider());
        ProviderManager.addIQProvider(ClearCacheResponse.ELEMENT, ns, new ClearCacheResponseProvider());
        ProviderManager.addIQProvider(GetToken.ELEMENT, ns, new GetTokenProvider());
        ProviderManager.addIQProvider(GetTokenChallenge.ELEMENT, ns, new GetTokenChallengeProvider());
        ProviderManager.addIQProvider(GetTokenChallengeResponse.ELEMENT, ns, new GetTokenChallengeResponseProvider());
        ProviderManager.addIQProvider(GetTokenResponse.ELEMENT, ns, new GetTokenResponseProvider());
        ProviderManager.addIQProvider(TokenChallenge.ELEMENT, ns, new TokenChallengeProvider());
        ProviderManager.addIQProvider(TokenChallengeResponse.ELEMENT, ns, new TokenChallengeResponseProvider());
        ProviderManager.addIQProvider(CanAccess.ELEMENT, ns, new CanAccessProvider());
        ProviderManager.addIQProvider(CanAccessResponse.ELEMENT, ns, new CanAccessResponseProvider());
        ProviderManager.addIQProvider(HasPrivilege.ELEMENT, ns, new HasPrivilegeProvider());
        ProviderManager.addIQProvider(HasPrivilegeResponse.ELEMENT, ns, new HasPrivilegeResponseProvider());
        ProviderManager.addIQProvider(DownloadPrivileges.ELEMENT, ns, new DownloadPrivilegesProvider());
        ProviderManager.addIQProvider(DownloadPrivilegesResponse.ELEMENT, ns, new DownloadPrivilegesResponseProvider());
        // XEP-0324 example 24 omits xmlns: the payload then inherits jabber:client (CHECKLIST §9.2.4)
        ProviderManager.addIQProvider(
                DownloadPrivilegesResponse.ELEMENT, "jabber:client", new DownloadPrivilegesResponseProvider());
        ProviderManager.addExtensionProvider(Friend.ELEMENT, ns, new FriendProvider());
        ProviderManager.addExtensionProvider(Unfriend.ELEMENT, ns, new UnfriendProvider());
        ProviderManager.addExtensionProvider(UserLoggedIn.ELEMENT, ns, new UserLoggedInProvider());
        registered = true;
    }
}
