from django.urls import path

from fleksi.accounts import views, views_password, views_roles, views_sso

app_name = "accounts"
urlpatterns = [
    path("login/", views.SignInView.as_view(), name="login"),
    path("login/sso/", views_sso.sso_start, name="sso_start"),
    path("login/sso/callback/", views_sso.sso_callback, name="sso_callback"),
    path("password/forgot/", views_password.password_forgot, name="password_forgot"),
    path("password/sent/", views_password.password_link_sent, name="password_link_sent"),
    path(
        "password/reset/<uidb64>/<token>/",
        views_password.ResetPasswordView.as_view(),
        name="password_reset_confirm",
    ),
    path("activate/<uidb64>/<token>/", views_password.ActivateView.as_view(), name="activate"),
    path("password/saved/", views_password.password_set_done, name="password_set_done"),
    path("me/password/", views_password.ChangePasswordView.as_view(), name="password_change"),
    path("logout/", views.SignOutView.as_view(), name="logout"),
    path("language/", views.language, name="language"),
    path("me/", views.profile, name="profile"),
    path("me/confirm/", views.reauth, name="reauth"),
    path("login/code/", views.login_code, name="login_code"),
    path("me/two-step/", views.mfa, name="mfa"),
    path("me/two-step/recovery-codes/", views.mfa_recovery_codes, name="mfa_recovery_codes"),
    path(
        "me/sign-out-everywhere/",
        views.sign_out_everywhere_view,
        name="sign_out_everywhere",
    ),
    path("me/tokens/", views.token_create, name="token_create"),
    path("me/tokens/<int:token_id>/revoke/", views.token_revoke, name="token_revoke"),
    path("roles/", views_roles.role_list, name="roles"),
    path("roles/history/", views_roles.role_history, name="role_history"),
    path("roles/assign/", views_roles.role_assign_view, name="role_assign"),
    path("roles/<int:assignment_id>/revoke/", views_roles.role_revoke_view, name="role_revoke"),
]
