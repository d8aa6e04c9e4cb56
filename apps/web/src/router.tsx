import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import type { Instance } from "@tributary/contracts";
import { api } from "./api/client";
import { AppShell } from "./layout/app-shell";
import { NotFoundPage } from "./layout/not-found-page";
import {
  parseDocumentSearch,
  parseFindSearch,
  parseKnowledgeSearch,
  parseSignInSearch,
  parseTokenSearch,
  parseUsageSearch,
} from "./lib/search-params";

const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: NotFoundPage });

/** Pages for signed-out visitors. */
const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in",
  validateSearch: parseSignInSearch,
  component: lazyRouteComponent(() => import("./pages/auth/sign-in-page"), "SignInPage"),
});
const signUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-up",
  validateSearch: parseSignInSearch,
  component: lazyRouteComponent(() => import("./pages/auth/sign-up-page"), "SignUpPage"),
});
const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/setup",
  component: lazyRouteComponent(() => import("./pages/auth/setup-page"), "SetupPage"),
});
const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/invitations/$token",
  component: lazyRouteComponent(() => import("./pages/auth/accept-invitation-page"), "AcceptInvitationPage"),
});
const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/reset-password",
  validateSearch: parseTokenSearch,
  component: lazyRouteComponent(() => import("./pages/auth/reset-password-page"), "ResetPasswordPage"),
});
const verifyEmailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/verify-email",
  validateSearch: parseTokenSearch,
  component: lazyRouteComponent(() => import("./pages/auth/verify-email-page"), "VerifyEmailPage"),
});
const ssoCompleteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/auth/complete",
  validateSearch: parseSignInSearch,
  component: lazyRouteComponent(() => import("./pages/auth/sso-complete-page"), "SsoCompletePage"),
});

/**
 * `/` sends a signed-in user to their personal space; a visitor of a fresh install (no account
 * yet) to the first-run setup; everyone else to sign in.
 */
const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  beforeLoad: async () => {
    const user = api.session.get()?.user;
    if (!user) {
      const instance = await api
        .get<Pick<Instance, "needs_setup">>("/api/v1/instance", { anonymous: true })
        .catch(() => null);
      if (instance?.needs_setup) throw redirect({ to: "/setup" });
      throw redirect({ to: "/sign-in", search: {} });
    }
    if (user.personal_space_id) {
      throw redirect({
        to: "/s/$spaceId/knowledge",
        params: { spaceId: user.personal_space_id },
        search: {},
      });
    }
    throw redirect({ to: "/spaces" });
  },
});

/** Signed-in pages that are not about one space (the space list, when a user has no space yet). */
const spacesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/spaces",
  beforeLoad: requireSignIn,
  component: lazyRouteComponent(() => import("./pages/spaces/spaces-page"), "SpacesPage"),
});

/** Everything inside a space: the space is in the URL, so links are shareable and reloads keep it. */
const spaceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/s/$spaceId",
  beforeLoad: requireSignIn,
  component: AppShell,
});
const spaceIndexRoute = createRoute({
  getParentRoute: () => spaceRoute,
  path: "/",
  beforeLoad: ({ params }) => {
    throw redirect({ to: "/s/$spaceId/knowledge", params, search: {} });
  },
});
const knowledgeRoute = createRoute({
  getParentRoute: () => spaceRoute,
  path: "/knowledge",
  validateSearch: parseKnowledgeSearch,
  component: lazyRouteComponent(() => import("./pages/knowledge/knowledge-page"), "KnowledgePage"),
});
const documentRoute = createRoute({
  getParentRoute: () => spaceRoute,
  path: "/documents/$documentId",
  validateSearch: parseDocumentSearch,
  component: lazyRouteComponent(() => import("./pages/knowledge/document-page"), "DocumentPage"),
});
const searchRoute = createRoute({
  getParentRoute: () => spaceRoute,
  path: "/search",
  validateSearch: parseFindSearch,
  component: lazyRouteComponent(() => import("./pages/search/search-page"), "SearchPage"),
});
const assistantRoute = createRoute({
  getParentRoute: () => spaceRoute,
  path: "/assistant",
  component: lazyRouteComponent(() => import("./pages/assistant/assistant-page"), "AssistantPage"),
});
const conversationRoute = createRoute({
  getParentRoute: () => spaceRoute,
  path: "/assistant/$conversationId",
  component: lazyRouteComponent(() => import("./pages/assistant/assistant-page"), "AssistantPage"),
});
const spaceSettingsRoute = createRoute({
  getParentRoute: () => spaceRoute,
  path: "/settings",
  component: lazyRouteComponent(() => import("./pages/spaces/space-settings-page"), "SpaceSettingsPage"),
});
const apiKeysRoute = createRoute({
  getParentRoute: () => spaceRoute,
  path: "/api-keys",
  component: lazyRouteComponent(() => import("./pages/developer/api-keys-page"), "ApiKeysPage"),
});
const playgroundRoute = createRoute({
  getParentRoute: () => spaceRoute,
  path: "/playground",
  component: lazyRouteComponent(() => import("./pages/developer/playground-page"), "PlaygroundPage"),
});
const usageRoute = createRoute({
  getParentRoute: () => spaceRoute,
  path: "/usage",
  validateSearch: parseUsageSearch,
  component: lazyRouteComponent(() => import("./pages/developer/usage-page"), "UsagePage"),
});
const budgetsRoute = createRoute({
  getParentRoute: () => spaceRoute,
  path: "/budgets",
  component: lazyRouteComponent(() => import("./pages/developer/budgets-page"), "BudgetsPage"),
});
const datasetsRoute = createRoute({
  getParentRoute: () => spaceRoute,
  path: "/datasets",
  component: lazyRouteComponent(() => import("./pages/developer/datasets-page"), "DatasetsPage"),
});
const profileRoute = createRoute({
  getParentRoute: () => spaceRoute,
  path: "/profile",
  component: lazyRouteComponent(() => import("./pages/account/profile-page"), "ProfilePage"),
});
const organizationRoute = createRoute({
  getParentRoute: () => spaceRoute,
  path: "/organization",
  component: lazyRouteComponent(() => import("./pages/spaces/organization-page"), "OrganizationPage"),
});
const providersRoute = createRoute({
  getParentRoute: () => spaceRoute,
  path: "/admin/providers",
  component: lazyRouteComponent(() => import("./pages/admin/providers-page"), "ProvidersPage"),
});
const usersRoute = createRoute({
  getParentRoute: () => spaceRoute,
  path: "/admin/users",
  component: lazyRouteComponent(() => import("./pages/admin/users-page"), "UsersPage"),
});
const tenantsRoute = createRoute({
  getParentRoute: () => spaceRoute,
  path: "/admin/tenants",
  component: lazyRouteComponent(() => import("./pages/admin/tenants-page"), "TenantsPage"),
});

function requireSignIn({ location }: { location: { href: string } }) {
  if (!api.session.get()) throw redirect({ to: "/sign-in", search: { redirect: location.href } });
}

const routeTree = rootRoute.addChildren([
  indexRoute,
  signInRoute,
  signUpRoute,
  setupRoute,
  invitationRoute,
  ssoCompleteRoute,
  resetPasswordRoute,
  verifyEmailRoute,
  spacesRoute,
  spaceRoute.addChildren([
    spaceIndexRoute,
    knowledgeRoute,
    documentRoute,
    searchRoute,
    assistantRoute,
    conversationRoute,
    spaceSettingsRoute,
    apiKeysRoute,
    playgroundRoute,
    usageRoute,
    budgetsRoute,
    datasetsRoute,
    profileRoute,
    organizationRoute,
    providersRoute,
    usersRoute,
    tenantsRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  defaultPreload: "intent",
  defaultPendingMs: 300,
  scrollRestoration: true,
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
