/// The one screen shown when no credentials are configured anywhere.
enum NoCredentialsHelp {
  static func text(paths: ConfigPaths) -> String {
    """
    rackwatch found no cloud credentials. Three ways to configure them:

      1. A profile in \(paths.rackwatchConfig):
           profiles:
             prod:
               identity_url: https://identity.api.rackspacecloud.com/v2.0
               username: YOUR_USER
               api_key_command: pass show rackspace/api-key   # or api_key: ...
               regions: [DFW, ORD]
      2. OpenStack: clouds.yaml (./, ~/.config/openstack/, /etc/openstack/) with
         --os-cloud NAME, or OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME, ...
      3. The rack CLI: ~/.rack/config, or RS_USERNAME and RS_API_KEY (RS_REGION_NAME).

    To try rackwatch with no account at all:  rackwatch --demo
    """
  }
}
